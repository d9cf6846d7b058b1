using System.Diagnostics;

namespace ChargePoint.TestUtilities.Netns;

/// <summary>
/// Two fresh network namespaces ("secc" and "ev" ends) joined by a veth pair created directly inside them, with
/// unique names so parallel runs never collide. Deleting the namespaces removes the veth pair too.
/// </summary>
public sealed class NetworkNamespacePair : IDisposable
{
    public const string SeccInterface = "veth-secc";
    public const string EvInterface = "veth-ev";
    private static int _counter;

    public NetworkNamespacePair()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("The veth tests must run as root (CI=true forbids skipping them).");
        }

        RemoveLeftovers();
        var id = $"{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}";
        Secc = $"cpslac-secc-{id}";
        Ev = $"cpslac-ev-{id}";
        try
        {
            Ip($"netns add {Secc}");
            Ip($"netns add {Ev}");
            Ip($"-n {Secc} link add {SeccInterface} type veth peer name {EvInterface} netns {Ev}");
            foreach (var (ns, dev, address) in new[] { (Secc, SeccInterface, "fe80::a"), (Ev, EvInterface, "fe80::b") })
            {
                Ip($"-n {ns} link set lo up");
                Ip($"-n {ns} addr add {address}/64 dev {dev} nodad");
                Ip($"-n {ns} link set {dev} up");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Secc { get; }

    public string Ev { get; }

    /// <summary>Runs <paramref name="action"/> on a thread that entered namespace <paramref name="name"/>; sockets it
    /// creates stay in that namespace and can be used from any thread afterwards.</summary>
    public static T RunIn<T>(string name, Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var target = File.OpenHandle($"/var/run/netns/{name}");
                NamespaceInterop.EnterNetworkNamespace(target);
                result = action(); // the thread ends right after, so it never runs anything else in this namespace
            }
#pragma warning disable CA1031 // rethrown on the caller's thread
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException($"in namespace {name}: {failure.Message}", failure);
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var ns in new[] { Secc, Ev })
        {
            try
            {
                Ip($"netns del {ns}");
            }
            catch (InvalidOperationException)
            {
                // not created or already gone
            }
        }
    }

    /// <summary>Deletes namespaces a crashed earlier run left behind (its process id no longer exists).</summary>
    private static void RemoveLeftovers()
    {
        if (!Directory.Exists("/var/run/netns"))
        {
            return;
        }

        foreach (var path in Directory.GetFiles("/var/run/netns", "cpslac-*"))
        {
            var parts = Path.GetFileName(path).Split('-');
            if (parts.Length > 2 && int.TryParse(parts[2], out var pid) && !Directory.Exists($"/proc/{pid}"))
            {
                try
                {
                    Ip($"netns del {Path.GetFileName(path)}");
                }
                catch (InvalidOperationException)
                {
                    // another run cleaned it at the same moment
                }
            }
        }
    }

    private static void Ip(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ip", arguments) { RedirectStandardError = true, RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("cannot start ip");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {arguments} failed ({process.ExitCode}): {error.Trim()}");
        }
    }
}
