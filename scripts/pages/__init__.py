"""The pages of docs/: each read once (front matter, body, template), and the rules about pages."""
