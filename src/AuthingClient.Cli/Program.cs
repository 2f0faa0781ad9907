using AuthingClient.Cli;

return await CliApplication.RunConsoleAsync(args).ConfigureAwait(false);
