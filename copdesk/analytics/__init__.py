"""Analytics for animators: community health, knowledge at risk, latent networks."""
