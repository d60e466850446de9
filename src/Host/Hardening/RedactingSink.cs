using System.Text;
using System.Threading.Channels;
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
/// <remarks>
/// The logging thread formats and redacts; one writer loop then writes whatever lines have gathered and flushes once
/// per batch. Request threads so neither queue for the console's lock nor wait for its write (under bench (d)'s load,
/// that lock and the flush per line took a tenth of the host's CPU). The queue is bounded: a console that stalls
/// slows logging down instead of filling memory. Disposing the sink (Serilog does, at <c>CloseAndFlush</c> and when a
/// host stops) writes every queued line before it returns; only a process killed outright loses the last moment's.
/// Serilog's own async sink was tried before: its pump spun on its queue; this loop awaits, it never spins.
/// </remarks>
internal sealed class RedactingSink : ILogEventSink, IDisposable
{
    private const int Capacity = 10_000;
    private const int BatchChars = 256 * 1024;

    private readonly ITextFormatter _formatter;
    private readonly TextWriter _output;
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Lock _outputLock = new();
    private readonly Task _writer;

    [ThreadStatic]
    private static StringWriter? _buffer;

    public RedactingSink(ITextFormatter formatter, TextWriter output)
    {
        _formatter = formatter;
        _output = output;
        _writer = Task.Run(WriteLinesAsync);
    }

    public void Emit(LogEvent logEvent)
    {
        var buffer = _buffer ??= new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var text = buffer.GetStringBuilder().Clear();
        _formatter.Format(logEvent, buffer);
        var redacted = ConsoleHandout.IsMarked(logEvent) ? text.ToString() : SecretRedaction.Redact(text.ToString());
        if (text.Capacity > 64 * 1024)
        {
            // A huge event (a long stack trace) must not keep its buffer alive on this thread.
            _buffer = null;
        }

        if (_lines.Writer.TryWrite(redacted))
        {
            return;
        }

        try
        {
            // Full: wait for the writer (rare; a console that cannot keep up).
            _lines.Writer.WriteAsync(redacted).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            // After Dispose (a late line at shutdown): written at once.
            Write(redacted);
        }
    }

    /// <summary>Writes every queued line, then stops the writer loop; lines after this are written at once.</summary>
    public void Dispose()
    {
        _lines.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(10));
    }

    private async Task WriteLinesAsync()
    {
        var batch = new StringBuilder();
        while (await _lines.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Length < BatchChars && _lines.Reader.TryRead(out var line))
            {
                batch.Append(line);
            }

            Write(batch.ToString());
            batch.Clear();
        }
    }

    private void Write(string text)
    {
        try
        {
            lock (_outputLock)
            {
                _output.Write(text);
                _output.Flush();
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The console went away (a closed pipe): logging must not stop the host, nor this loop.
        }
    }
}
