"""SPARQL: the query library (load, bind, run, render), the query text helpers and the endpoint of `kg serve`."""
