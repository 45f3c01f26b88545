"""What the built site carries beyond the theme: its security policy, valid markup, the feed."""
