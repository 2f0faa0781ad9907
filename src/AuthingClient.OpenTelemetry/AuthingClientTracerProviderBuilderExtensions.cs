using AuthingClient.Diagnostics;

// The conventional namespace for instrumentation extensions, so they show up next to AddSource.
#pragma warning disable IDE0130
namespace OpenTelemetry.Trace;
#pragma warning restore IDE0130

/// <summary>Adds AuthingClient's traces to an OpenTelemetry tracer provider.</summary>
public static class AuthingClientTracerProviderBuilderExtensions
{
    /// <summary>
    /// Listens to AuthingClient's <see cref="System.Diagnostics.ActivitySource"/>
    /// (<see cref="RevocationTelemetry.SourceName"/>): a span <c>authing.revoke</c> per revocation and
    /// <c>authing.revoke.attempt</c> per HTTP attempt. Spans carry the token's fingerprint, never the
    /// token or the secret.
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns>The same builder.</returns>
    public static TracerProviderBuilder AddAuthingClientInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(RevocationTelemetry.SourceName);
    }
}
