using Sleek.Workflows.Marketplace.Quotes;

namespace Sleek.Workflows.Marketplace.Tests.Quotes;

public sealed class QuoteStatusTests
{
    [Fact]
    public void Names_are_the_strings_quotes_were_stored_and_sent_with()
    {
        Assert.Equal(["quote_requested", "quote_sent", "accepted", "expired", "cancelled"], QuoteStatusNames.All);
        Assert.True(QuoteStatusNames.TryParse(" Quote_Sent ", out var sent));
        Assert.Equal(QuoteStatus.QuoteSent, sent);
        Assert.False(QuoteStatusNames.TryParse("sent", out _));
    }

    [Theory]
    [InlineData(QuoteStatus.QuoteRequested, QuoteStatus.QuoteSent, true)]
    [InlineData(QuoteStatus.QuoteRequested, QuoteStatus.Accepted, true)]
    [InlineData(QuoteStatus.QuoteSent, QuoteStatus.Expired, true)]
    [InlineData(QuoteStatus.QuoteSent, QuoteStatus.Cancelled, true)]
    [InlineData(QuoteStatus.QuoteSent, QuoteStatus.QuoteRequested, false)]
    [InlineData(QuoteStatus.Accepted, QuoteStatus.Cancelled, false)]
    [InlineData(QuoteStatus.Expired, QuoteStatus.QuoteSent, false)]
    [InlineData(QuoteStatus.Cancelled, QuoteStatus.Accepted, false)]
    public void Accepted_expired_and_cancelled_are_final(QuoteStatus from, QuoteStatus to, bool allowed) =>
        Assert.Equal(allowed, QuoteStatusTransitions.IsAllowed(from, to));
}
