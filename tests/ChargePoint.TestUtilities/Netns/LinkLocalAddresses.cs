namespace ChargePoint.TestUtilities.Netns;

/// <summary>IPv6 link-local readiness of a veth end inside a namespace.</summary>
public static class LinkLocalAddresses
{
    /// <summary>
    /// Besides the fixed <c>nodad</c> address, the kernel gives each fresh veth end an EUI-64 link-local address
    /// that stays tentative during duplicate address detection; binding or sourcing from it fails until then, so
    /// a test that binds the interface's link-local address or multicasts from it waits for DAD to finish.
    /// </summary>
    public static async Task WaitUntilUsableAsync(string ns, string device)
    {
        for (var i = 0; i < 50; i++)
        {
            var tentative = await ProcessRunner.RunAsync("ip", ["-n", ns, "-6", "addr", "show", "dev", device, "tentative"], TimeSpan.FromSeconds(10));
            if (string.IsNullOrWhiteSpace(tentative.StandardOutput))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"{device} in {ns} still has tentative IPv6 addresses after 5 s");
    }
}
