using AuthingClient.Revocation;
using AuthingClient.TestSupport;

namespace AuthingClient.Tests.Revocation;

/// <summary>The store-independent registry behaviour, on the in-memory registry.</summary>
public sealed class InMemoryRevokedTokenRegistryContractTests : RevokedTokenRegistryContract
{
    protected override RevokedTokenRegistry Create(TimeProvider time, RevokedTokenRegistryOptions? options = null) =>
        new InMemoryRevokedTokenRegistry(options, time);
}
