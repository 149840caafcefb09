"""Views, one module per screen. They parse input, call claims.workflow, render."""
