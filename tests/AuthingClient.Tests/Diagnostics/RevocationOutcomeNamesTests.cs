using AuthingClient.Diagnostics;

namespace AuthingClient.Tests.Diagnostics;

public sealed class RevocationOutcomeNamesTests
{
    [Fact]
    public void ToTagValue_EveryOutcome_HasItsOwnName()
    {
        // Unknown is the type's default, never reported, so it has no name.
        var outcomes = Enum.GetValues<RevocationOutcome>().Where(o => o != RevocationOutcome.Unknown).ToArray();

        var names = outcomes.Select(o => o.ToTagValue()).ToList();

        Assert.Equal(
            ["revoked", "not_revoked", "refused", "timeout", "transport_error", "canceled"],
            names);
        Assert.Equal(outcomes.Length, names.Distinct().Count());
    }

    [Fact]
    public void ToTagValue_UndefinedOrUnknownOutcome_IsNotLabelledAsAnother()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RevocationOutcome)99).ToTagValue());
        Assert.Throws<ArgumentOutOfRangeException>(() => RevocationOutcome.Unknown.ToTagValue());
    }

    [Fact]
    public void IsFailure_IsTrueExactlyForTheOutcomesThatComeWithAnException()
    {
        Assert.Equal(
            [RevocationOutcome.Refused, RevocationOutcome.Timeout, RevocationOutcome.TransportError],
            Enum.GetValues<RevocationOutcome>().Where(o => o.IsFailure()));
    }
}
