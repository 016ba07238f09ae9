using System.Collections.Concurrent;
using Accreditation.BuildingBlocks.Outbox;

namespace Accreditation.TestSupport;

/// <summary>
/// An <see cref="IEventTransport"/> that records what it accepted and can be told to fail, standing
/// in for the sidecar in tests of the outbox.
/// </summary>
public sealed class RecordingTransport : IEventTransport
{
    private readonly ConcurrentQueue<OutboxMessage> _published = new();
    private int _failuresLeft;
    private int _attempts;

    /// <summary>Every call fails while true.</summary>
    public bool Unavailable { get; set; }

    public IReadOnlyList<OutboxMessage> Published => [.. _published];

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The next <paramref name="count"/> calls fail.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public IReadOnlyList<OutboxMessage> PublishedTo(string topic) => [.. _published.Where(m => m.Topic == topic)];

    public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Unavailable || Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("sidecar unavailable (test)");
        }

        _published.Enqueue(message);
        return Task.CompletedTask;
    }
}
