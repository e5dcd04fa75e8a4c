"""Hometown talent programmes (一录一库一书): an office's roster of natives working elsewhere
with their liaisons and contact log (一录), and adviser appointments with verifiable
appointment certificates (一书). The people themselves are expert profiles (一库)."""
