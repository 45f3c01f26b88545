"""What the built site's files carry beyond the theme: the security policy, valid markup, the feed."""
