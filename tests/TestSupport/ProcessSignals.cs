using System.Diagnostics;

namespace Accreditation.TestSupport;

/// <summary>
/// Freezes and thaws a process (SIGSTOP / SIGCONT), for fault tests: a frozen Redis or sidecar
/// keeps its sockets open but answers nothing, as a hung or overloaded peer does.
/// </summary>
public static class ProcessSignals
{
    public static void Stop(int pid) => Send("-STOP", pid);

    public static void Continue(int pid) => Send("-CONT", pid);

    private static void Send(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {pid} exited with {kill.ExitCode}");
        }
    }
}
