"""Reading files into the model: agreements index, rule files, metric vocabulary, figures."""
