"""One service class per resource group of the API."""
