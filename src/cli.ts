// value-lens: the command-line entry on the same core as the extension.
process.exitCode = 0;
