using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AuthingClient.Caching.Tests;

/// <summary>The store-independent registry behaviour, on the registry over an in-process <see cref="MemoryDistributedCache"/>.</summary>
public sealed class DistributedRevokedTokenRegistryContractTests : RevokedTokenRegistryContract
{
    protected override RevokedTokenRegistry Create(TimeProvider time, RevokedTokenRegistryOptions? options = null) =>
        new DistributedRevokedTokenRegistry(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), options, time);
}
