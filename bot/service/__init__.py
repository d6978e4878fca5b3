"""Running the bot as a service: readiness checks, health endpoints, draining on SIGTERM, log format."""
