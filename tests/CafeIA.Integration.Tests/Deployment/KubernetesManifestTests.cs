using System.Diagnostics;
using CafeIA.Integration.Tests.Infrastructure;
using k8s;
using k8s.Models;

namespace CafeIA.Integration.Tests.Deployment;

/// <summary>
/// The Kubernetes overlays render offline with kubectl's kustomize, load strictly as typed
/// objects (an unknown or misspelt field fails), and hold together: selectors match labels,
/// every container has probes and resource requests, silos carry what Orleans' Kubernetes
/// hosting needs.
/// </summary>
public sealed class KubernetesManifestTests
{
    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_overlay_renders_and_loads_strictly(string overlay)
    {
        var objects = await Render(overlay);
        Assert.Contains(objects, o => o is V1Deployment { Metadata.Name: "cafeia-silo" });
        Assert.Contains(objects, o => o is V1Deployment { Metadata.Name: "cafeia-gateway" });
        Assert.Contains(objects, o => o is V1Job);
        Assert.Contains(objects, o => o is V1Ingress);
        Assert.Equal(2, objects.OfType<V1PodDisruptionBudget>().Count());
        var hpa = Assert.Single(objects.OfType<V2HorizontalPodAutoscaler>());
        Assert.Equal(("Deployment", "cafeia-gateway"), (hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name));
        Assert.Equal(overlay == "dev", objects.OfType<V1StatefulSet>().Any(s => s.Metadata.Name == "postgres"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Selectors_match_the_labels_of_the_pods_they_select(string overlay)
    {
        var objects = await Render(overlay);
        var pods = Workloads(objects).Select(w => w.Template.Metadata.Labels).ToList();
        foreach (var (name, selector, template) in Workloads(objects).Where(w => w.Selector is not null).Select(w => (w.Name, w.Selector!, w.Template)))
        {
            Assert.True(Matches(selector, template.Metadata.Labels), $"{name}: selector does not match its pod labels");
        }
        foreach (var service in objects.OfType<V1Service>())
        {
            Assert.True(pods.Count(p => Matches(service.Spec.Selector, p)) == 1, $"service {service.Metadata.Name} selects {pods.Count(p => Matches(service.Spec.Selector, p))} workloads");
        }
        foreach (var pdb in objects.OfType<V1PodDisruptionBudget>())
        {
            Assert.True(pods.Count(p => Matches(pdb.Spec.Selector.MatchLabels, p)) == 1, $"PDB {pdb.Metadata.Name}");
        }
        var gatewayService = objects.OfType<V1Service>().Single(s => s.Metadata.Name == "cafeia-gateway");
        var ingress = Assert.Single(objects.OfType<V1Ingress>());
        Assert.Contains(ingress.Spec.Rules.SelectMany(r => r.Http.Paths), p => p.Backend.Service.Name == gatewayService.Metadata.Name);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_has_resource_requests_and_long_running_ones_have_probes(string overlay)
    {
        foreach (var workload in Workloads(await Render(overlay)))
        {
            var spec = workload.Template.Spec;
            foreach (var container in spec.Containers.Concat(spec.InitContainers ?? []))
            {
                Assert.True(container.Resources?.Requests?.ContainsKey("cpu") == true && container.Resources.Requests.ContainsKey("memory"),
                    $"{workload.Name}/{container.Name} has no cpu and memory requests");
            }
            if (workload.LongRunning)
            {
                foreach (var container in spec.Containers)
                {
                    Assert.True(container.ReadinessProbe is not null && container.LivenessProbe is not null, $"{workload.Name}/{container.Name} lacks probes");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Silos_have_what_Orleans_Kubernetes_hosting_needs(string overlay)
    {
        var objects = await Render(overlay);
        var silo = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "cafeia-silo");
        var pod = silo.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);
        var env = container.Env.Select(e => e.Name).ToHashSet();
        foreach (var name in new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID", "Cluster__Kubernetes" })
        {
            Assert.Contains(name, env);
        }
        Assert.Equal("status.podIP", container.Env.Single(e => e.Name == "POD_IP").ValueFrom.FieldRef.FieldPath);
        Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
        Assert.True(pod.TerminationGracePeriodSeconds >= 30, "graceful shutdown needs time");
        Assert.True(silo.Spec.Template.Metadata.Labels.ContainsKey("orleans/serviceId"));

        var account = pod.ServiceAccountName;
        var binding = objects.OfType<V1RoleBinding>().Single(b => b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == account));
        var role = objects.OfType<V1Role>().Single(r => r.Metadata.Name == binding.RoleRef.Name);
        var pods = role.Rules.Where(r => r.Resources.Contains("pods")).SelectMany(r => r.Verbs).ToHashSet();
        Assert.Superset(new HashSet<string> { "get", "watch", "list", "delete", "patch" }, pods);

        var gateway = objects.OfType<V1Deployment>().Single(d => d.Metadata.Name == "cafeia-gateway").Spec.Template.Spec.Containers.Single();
        Assert.Contains(gateway.Env, e => e.Name == "Gateway__Mode" && e.Value == "Client");
        foreach (var connection in new[] { container, gateway }.SelectMany(c => c.Env).Where(e => e.Name == "Storage__ConnectionString"))
        {
            Assert.NotNull(connection.ValueFrom?.SecretKeyRef);
        }
        var job = objects.OfType<V1Job>().Single();
        Assert.Equal(["migrate"], job.Spec.Template.Spec.Containers.Single(c => c.Name != "wait-for-postgres").Args);
    }

    private sealed record Workload(string Name, V1PodTemplateSpec Template, IDictionary<string, string>? Selector, bool LongRunning);

    private static IEnumerable<Workload> Workloads(IEnumerable<object> objects) => objects.Select(o => o switch
    {
        V1Deployment d => new Workload(d.Metadata.Name, d.Spec.Template, d.Spec.Selector.MatchLabels, true),
        V1StatefulSet s => new Workload(s.Metadata.Name, s.Spec.Template, s.Spec.Selector.MatchLabels, true),
        V1Job j => new Workload(j.Metadata.Name, j.Spec.Template, j.Spec.Selector?.MatchLabels, false),
        _ => null,
    }).OfType<Workload>();

    private static bool Matches(IDictionary<string, string>? selector, IDictionary<string, string>? labels) =>
        selector is { Count: > 0 } && labels is not null && selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static async Task<List<object>> Render(string overlay)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "kustomize", Path.Combine(Repository.Root, "k8s", "overlays", overlay) })
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("kubectl (with its built-in kustomize) is needed to render k8s/ offline.", ex);
        }
        using var _ = process;
        var yaml = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {overlay} failed: {error}");
        return KubernetesYaml.LoadAllFromString(yaml, strict: true);
    }
}
