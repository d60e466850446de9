using MimeKit;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>Who an email goes to: <c>ops</c> means the configured ops address; anything else must be one mailbox.</summary>
public static class EmailRecipients
{
    /// <summary>The recipient that means the configured ops address (<see cref="MarketplaceOptions.OpsEmail"/>).</summary>
    public const string Ops = "ops";

    /// <summary>The address to send to: <c>ops</c> becomes the ops address; anything else must be one mailbox with a domain; else null.</summary>
    public static string? Resolve(string to, MarketplaceOptions options)
    {
        var value = string.Equals(to.Trim(), Ops, StringComparison.OrdinalIgnoreCase) ? options.OpsEmail : to.Trim();
        return MailboxAddress.TryParse(value, out var mailbox) && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < mailbox.Address.Length - 1
            ? mailbox.ToString()
            : null;
    }
}
