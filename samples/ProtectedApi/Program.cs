await AuthingClient.Samples.ProtectedApi.ProtectedApiApp.Build(args).RunAsync();
