using System.Security.Cryptography;
using Sleek.Workflows.Marketplace.Links;

namespace Sleek.Workflows.Marketplace.Tests.Links;

/// <summary>What a forger could try on a capability token: another subject, purpose, expiry or key, a cut or padded token.</summary>
public sealed class CapabilityTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private readonly CapabilityTokens _tokens = CapabilityTokens.FromSigningKey(RandomNumberGenerator.GetBytes(64));

    [Fact]
    public void A_token_opens_its_purpose_and_subject_until_it_expires()
    {
        var token = _tokens.Sign("quote-link", "q1", Now.AddDays(30));
        Assert.Null(_tokens.Check("quote-link", "q1", token, Now));
        Assert.Null(_tokens.Check("quote-link", "q1", token, Now.AddDays(30).AddSeconds(-1)));
        Assert.Equal("expired", _tokens.Check("quote-link", "q1", token, Now.AddDays(30)));
    }

    [Fact]
    public void Another_subject_purpose_key_or_expiry_is_a_bad_signature()
    {
        var token = _tokens.Sign("quote-link", "q1", Now.AddDays(1));
        Assert.Equal("bad signature", _tokens.Check("quote-link", "q2", token, Now));
        Assert.Equal("bad signature", _tokens.Check("quote-claim", "q1", token, Now));
        Assert.Equal("bad signature", CapabilityTokens.FromSigningKey(RandomNumberGenerator.GetBytes(64)).Check("quote-link", "q1", token, Now));
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var later = (long.Parse(token[..dot], System.Globalization.CultureInfo.InvariantCulture) + 1) + token[dot..];
        Assert.Equal("bad signature", _tokens.Check("quote-link", "q1", later, Now));
        Assert.NotNull(_tokens.Check("quote-link", "q1", token[..^2], Now));
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("no-dot", "malformed")]
    [InlineData(".abc", "malformed")]
    [InlineData("-5.abc", "malformed")]
    [InlineData("123.***", "malformed")]
    public void Garbage_is_refused_in_words(string? token, string why) =>
        Assert.Equal(why, _tokens.Check("quote-link", "q1", token, Now));

    [Fact]
    public void A_short_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => new CapabilityTokens(new byte[16]));
}
