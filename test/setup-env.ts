// Tests never reach the network and never write telemetry to the home folder.
process.env.PROMPTFOO_DISABLE_TELEMETRY = '1';
process.env.PROMPTFOO_DISABLE_UPDATE = '1';
process.env.TZ = 'UTC';
