using AuthingClient.Caching;
using AuthingClient.Revocation;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AuthingClient.Tests.Revocation;

/// <summary>The registries every store-independent behaviour is checked on.</summary>
public enum RegistryKind
{
    InMemory,

    /// <summary><see cref="DistributedRevokedTokenRegistry"/> over an in-process <see cref="MemoryDistributedCache"/>.</summary>
    DistributedOverMemoryCache,
}

public static class Registries
{
    public static TheoryData<RegistryKind> Kinds => [RegistryKind.InMemory, RegistryKind.DistributedOverMemoryCache];

    public static RevokedTokenRegistry Create(RegistryKind kind, TimeProvider time, RevokedTokenRegistryOptions? options = null) => kind switch
    {
        RegistryKind.InMemory => new InMemoryRevokedTokenRegistry(options, time),
        RegistryKind.DistributedOverMemoryCache => new DistributedRevokedTokenRegistry(MemoryCache(), options, time),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IDistributedCache MemoryCache() => new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
}
