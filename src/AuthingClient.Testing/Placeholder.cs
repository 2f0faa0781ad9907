namespace AuthingClient.Testing;
