"""Front ends: each a thin translation between one platform and the commands in bot.commands.

Each module exposes `async def serve(settings, store) -> None`.
"""
