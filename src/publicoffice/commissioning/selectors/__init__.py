"""What commissioning reads, one module a stage."""
