using System.Net;

namespace AuthingClient.Tests.Errors;

/// <summary>
/// The exception's public constructor, for callers' own tests: it states a whole failure, and
/// refuses arguments that would make an exception contradict itself.
/// </summary>
public sealed class AuthingRevocationExceptionTests
{
    [Theory]
    [InlineData(RevocationOutcome.Timeout)]
    [InlineData(RevocationOutcome.TransportError)]
    public void Constructor_FailureWithoutAnswer_KeepsMessageAndOutcome_AndCarriesNoServerFacts(RevocationOutcome outcome)
    {
        var exception = new AuthingRevocationException("revocation failed", outcome);

        Assert.Equal(
            ("revocation failed", outcome, (int?)null, (string?)null, (string?)null, (string?)null, 1, 0, true),
            (exception.Message, exception.Outcome, (int?)exception.StatusCode, exception.Error, exception.ErrorDescription, exception.ErrorUri, exception.Attempts, exception.ObserverFailures.Count, exception.InnerException is null));
    }

    [Fact]
    public void Constructor_Refusal_KeepsTheStatus()
    {
        var exception = new AuthingRevocationException("refused", RevocationOutcome.Refused, HttpStatusCode.Unauthorized);

        Assert.Equal((RevocationOutcome.Refused, HttpStatusCode.Unauthorized), (exception.Outcome, exception.StatusCode));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.NoContent)]
    public void Constructor_RefusalWithoutAFailedStatus_IsRefused(HttpStatusCode? status)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AuthingRevocationException("refused", RevocationOutcome.Refused, status));

        Assert.Equal("statusCode", ex.ParamName);
    }

    [Theory]
    [InlineData(RevocationOutcome.Unknown)]
    [InlineData(RevocationOutcome.Canceled)]
    [InlineData((RevocationOutcome)42)]
    public void Constructor_OutcomeThatIsNoFailure_IsRefused(RevocationOutcome outcome)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AuthingRevocationException("failed", outcome));

        Assert.Equal("outcome", ex.ParamName);
    }

    [Theory]
    [InlineData(RevocationOutcome.Revoked)]
    [InlineData(RevocationOutcome.NotRevoked)]
    public void Constructor_AnsweredWithoutObserverFailures_IsRefused(RevocationOutcome outcome)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AuthingRevocationException("failed", outcome));

        Assert.Equal("observerFailures", ex.ParamName);
    }

    [Fact]
    public void Constructor_AnsweredWithObserverFailures_CarriesThemAsTheInnerException()
    {
        var failure = new InvalidOperationException("cache down");

        var exception = new AuthingRevocationException("cache not told", RevocationOutcome.Revoked, observerFailures: [failure]);

        Assert.Equal((RevocationOutcome.Revoked, failure), (exception.Outcome, Assert.Single(exception.ObserverFailures)));
        Assert.Same(failure, Assert.Single(Assert.IsType<AggregateException>(exception.InnerException).InnerExceptions));
    }

    [Fact]
    public void Constructor_EmptyMessage_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new AuthingRevocationException(string.Empty, RevocationOutcome.Timeout));
    }
}
