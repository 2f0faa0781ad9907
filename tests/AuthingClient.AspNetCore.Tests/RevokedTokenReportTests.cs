using System.Diagnostics.Metrics;
using AuthingClient.AspNetCore;
using AuthingClient.Revocation;
using AuthingClient.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AuthingClient.AspNetCore.Tests;

/// <summary>
/// A client replaying a revoked token must not flood the log (issue 18): each rejection is counted,
/// tagged by what matched, and logged at Debug; a Warning sums them up at most once a minute.
/// </summary>
public sealed class RevokedTokenReportTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly JsonWebToken _token = new(TestTokens.Jwt());

    public RevokedTokenReportTests() =>
        _loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(_logs)));

    [Fact]
    public void ManyRejectionsWithinAMinute_OneDebugLineEach_NoWarningUntilTheMinuteHasPassed_ThenOneWithTheCounts()
    {
        using var report = new RevokedTokenReport(_time, _loggers);
        for (var i = 0; i < 1000; i++)
        {
            report.Rejected(i % 2 == 0 ? RevocationKind.Token : RevocationKind.User, _token, "Bearer");
        }

        var warningsWithinTheMinute = _logs.GetSnapshot().Count(record => record.Level == LogLevel.Warning);
        _time.Advance(TimeSpan.FromMinutes(1));
        report.Rejected(RevocationKind.Session, _token, "Bearer");
        report.Rejected(RevocationKind.Session, _token, "Bearer");

        var records = _logs.GetSnapshot();
        var summary = Assert.Single(records, record => record.Level == LogLevel.Warning);
        Assert.Equal(0, warningsWithinTheMinute);
        Assert.Equal(1002, records.Count(record => record.Level == LogLevel.Debug));
        Assert.Contains("1001 revoked tokens were presented", summary.Message, StringComparison.Ordinal);
        Assert.Contains("500 revoked tokens, 500 of revoked users, 1 of ended sessions", summary.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(records, record => record.Message.Contains(_token.EncodedToken, StringComparison.Ordinal) || record.Message.Contains(_token.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public void Rejections_AreCountedTaggedByWhatMatched_NeverByTokenOrSubject()
    {
        using var report = new RevokedTokenReport(_time, _loggers);
        var measured = new List<(long Value, string? Match, int Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == RevokedTokenReport.PresentedCounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            measured.Add((value, tags.ToArray().Single(tag => tag.Key == RevokedTokenReport.MatchTag).Value as string, tags.Length)));
        listener.Start();

        report.Rejected(RevocationKind.Token, _token, "Bearer");
        report.Rejected(RevocationKind.User, _token, "Bearer");
        report.Rejected(RevocationKind.Session, _token, "Bearer");

        Assert.Equal([(1L, "token", 1), (1L, "user", 1), (1L, "session", 1)], measured);
    }

    public void Dispose() => _loggers.Dispose();
}
