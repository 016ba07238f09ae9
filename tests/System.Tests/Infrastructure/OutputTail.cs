using System.Text;

namespace Accreditation.System.Tests.Infrastructure;

/// <summary>The last lines a process wrote (stdout and stderr interleaved), for failure messages.</summary>
public sealed class OutputTail(int capacity = 5000)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Lines()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    public string Last(int count)
    {
        var lines = Lines();
        var text = new StringBuilder();
        foreach (var line in lines.Skip(Math.Max(0, lines.Count - count)))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
