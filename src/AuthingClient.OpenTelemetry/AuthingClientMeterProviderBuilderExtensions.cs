using AuthingClient.Diagnostics;

// The conventional namespace for instrumentation extensions, so they show up next to AddMeter.
#pragma warning disable IDE0130
namespace OpenTelemetry.Metrics;
#pragma warning restore IDE0130

/// <summary>Adds AuthingClient's metrics to an OpenTelemetry meter provider.</summary>
public static class AuthingClientMeterProviderBuilderExtensions
{
    /// <summary>
    /// Listens to AuthingClient's <see cref="System.Diagnostics.Metrics.Meter"/>
    /// (<see cref="RevocationTelemetry.SourceName"/>): the counter <c>authing.revocations</c> and the
    /// histogram <c>authing.revocation.duration</c> (seconds), tagged with the outcome.
    /// </summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns>The same builder.</returns>
    public static MeterProviderBuilder AddAuthingClientInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(RevocationTelemetry.SourceName);
    }
}
