"""Official territorial data (Etalab's extract): communes, EPCI, populations."""
