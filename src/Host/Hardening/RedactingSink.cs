using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Sleek.Workflows.Host.Hardening;

/// <summary>
/// Writes each log event as text through <see cref="SecretRedaction"/>: the formatted line — message, every property,
/// the exception with its message and stack trace — is redacted as a whole before it reaches the output, so nothing
/// that carries a credential (a driver's message, a request path in a scope, a body in an exception) gets past. The one
/// exception is a <see cref="ConsoleHandout"/>.
/// </summary>
internal sealed class RedactingSink(ITextFormatter formatter, TextWriter output) : ILogEventSink
{
    private readonly Lock _lock = new();

    [ThreadStatic]
    private static StringWriter? _buffer;

    public void Emit(LogEvent logEvent)
    {
        var buffer = _buffer ??= new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var text = buffer.GetStringBuilder().Clear();
        formatter.Format(logEvent, buffer);
        var redacted = ConsoleHandout.IsMarked(logEvent) ? text.ToString() : SecretRedaction.Redact(text.ToString());
        if (text.Capacity > 64 * 1024)
        {
            // A huge event (a long stack trace) must not keep its buffer alive on this thread.
            _buffer = null;
        }

        lock (_lock)
        {
            output.Write(redacted);
            output.Flush();
        }
    }
}
