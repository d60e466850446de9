namespace Sleek.Workflows.Marketplace.Email;

/// <summary>
/// A template that cannot be loaded (the message names file and line), an unknown template name (the
/// message lists the known ones), or a render that failed (the message names the template, the section
/// and the missing model field).
/// </summary>
public sealed class EmailTemplateException(string message, Exception? inner = null) : Exception(message, inner);
