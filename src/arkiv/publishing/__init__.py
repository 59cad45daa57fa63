"""Det publiceringen i CI kör: adresserna sajten lovar att hålla och listan över dem på main.

addresses (`python -m arkiv.publishing.addresses`: check a build against the promised addresses, record a build's),
ledger (`python -m arkiv.publishing.ledger`: the list onto main after publishing; only the standard library and git).
"""
