namespace AuthingClient.Tests.Support;

/// <summary>
/// Base of the test classes that talk to the class's WireMock server: every test starts with no
/// mappings and an empty request log.
/// </summary>
public abstract class ServerContractTests : IClassFixture<RevocationServerFixture>
{
    protected ServerContractTests(RevocationServerFixture server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Reset();
        Server = server;
    }

    protected RevocationServerFixture Server { get; }
}
