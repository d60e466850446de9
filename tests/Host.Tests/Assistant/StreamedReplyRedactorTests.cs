using Sleek.Workflows.Host.Assistant;

namespace Sleek.Workflows.Host.Tests.Assistant;

/// <summary>
/// The reply streams without ever showing an amount or a lead time the model wrote, however the model's tokens cut it ("$1,2" then
/// "96.75"), and the pieces add up to the stored message.
/// </summary>
public sealed class StreamedReplyRedactorTests
{
    [Theory]
    [InlineData("Your 150 hoodies cost $1,296.75 in total, delivered in 14 days.")]
    [InlineData("That comes to 1296.75 USD, or 8.65 dollars a piece.")]
    [InlineData("USD 1,296.75 is the price; €1.200 in euros; £999 for the UK.")]
    [InlineData("No prices here, just 3 colours and 150 pieces.")]
    [InlineData("Ends with an amount: $12")]
    [InlineData("Delivery takes 14 days, or 3 working days for samples; 2 weeks in all.")]
    public void Amounts_never_show_whatever_the_pieces_and_the_pieces_add_up_to_the_stored_text(string reply)
    {
        foreach (var size in new[] { 1, 2, 3, 5, 8, reply.Length })
        {
            var redactor = new StreamedReplyRedactor();
            var shown = "";
            for (var i = 0; i < reply.Length; i += size)
            {
                shown += redactor.Push(reply.Substring(i, Math.Min(size, reply.Length - i)));
                AssertNoAmount(shown, reply);
            }

            shown += redactor.Flush();
            Assert.Equal(AssistantPrompt.WithoutFigures(reply), shown);
            AssertNoAmount(shown, reply);
        }
    }

    /// <summary>No digit of an amount in <paramref name="reply"/> shows: every amount became the placeholder.</summary>
    private static void AssertNoAmount(string shown, string reply)
    {
        foreach (var amount in new[] { "1,296", "1296", "8.65", "1.200", "999", "$12", "1,2", "$1", "14 d", "3 w", "2 w" })
        {
            if (reply.Contains(amount, StringComparison.Ordinal))
            {
                Assert.DoesNotContain(amount, shown, StringComparison.Ordinal);
            }
        }
    }
}
