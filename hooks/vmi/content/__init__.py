"""Reading the content folder into typed objects, with every check across files
(references, links, embeds, quiz and video blocks, official codes)."""
