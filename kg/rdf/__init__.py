"""RDF: minting IRIs and turning extraction records into statements of the data contract."""
