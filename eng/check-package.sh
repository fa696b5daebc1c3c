#!/usr/bin/env bash
# eng/check-package.sh — prove that the packed packages work for a project outside the solution, on the real engine.
#
#   bash eng/check-package.sh                 pack the Release build when it is newer than every source (as after
#                                             eng/test.sh's build), else build and pack in a temporary directory (the
#                                             repository's own outputs are left alone); then check
#   ... --no-build | --build                  always pack the Release build as it is | always build
#   ... --artifacts-path <dir>                the build lives (or is made) under <dir> instead
#
# 1. Packs the four packages (Orchestration.Abstractions with the typed-workload generator under analyzers/dotnet/cs,
#    Orchestration.Core, Orchestration.Runtime.Docker, Orchestration.Testing with its watchdog under tools/) with their
#    symbol packages into nuget/, and checks what each one carries: assembly, XML docs, README, the dependencies on its
#    sibling packages at this version (analyzers not excluded, so the generator reaches users of any of them), the
#    generator, the watchdog, the build and buildTransitive targets, and a source link in the symbols.
# 2. In a temporary directory, creates a project that references Orchestration.Core, Orchestration.Runtime.Docker and
#    Orchestration.Testing by name, restores them from the repository's local source "nuget" (the user's own sources
#    stay in effect for third-party packages) into an empty package cache, and builds it. The project declares typed
#    workloads, so it compiles only if the generator came with the packages. It then starts a fleet of one typed
#    workload (orchestration/busybox:1, built by eng/images.sh) with TestFleet on the engine, expects "ok" from its
#    endpoint, disposes it, and checks that no container or network of that fleet remains.
# 3. Checks that a compile-time diagnostic (ORCH0003) fires from the packages too.
# Needs a running engine with the test images (eng/engine.sh up; eng/images.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGES=(Orchestration.Abstractions Orchestration.Core Orchestration.Runtime.Docker Orchestration.Testing)
FLEET_LABEL=io.orchestration.fleet
export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

build=auto
artifacts=""
while (($# > 0)); do
  case "$1" in
    --no-build) build=no; shift ;;
    --build) build=yes; shift ;;
    --artifacts-path) artifacts="${2:?--artifacts-path needs a directory}"; shift 2 ;;
    *) echo "check-package: unknown argument '$1' (use --no-build, --build, --artifacts-path <dir>)" >&2; exit 2 ;;
  esac
done

started=$SECONDS
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check-package: FAILED: $*" >&2; exit 1; }

# --- 1. pack ---------------------------------------------------------------------------------------------------------
version="$(dotnet msbuild "$ROOT/src/Orchestration.Abstractions/Orchestration.Abstractions.csproj" -getProperty:Version)"
# One solution of the four projects, so that each project (and the generator and watchdog they carry) builds once.
dotnet new sln -n packages -o "$work/pack" >/dev/null
solution="$(ls "$work/pack"/packages.sln*)"
dotnet sln "$solution" add $(for p in "${PACKAGES[@]}"; do echo "$ROOT/src/$p/$p.csproj"; done) >/dev/null
for p in "${PACKAGES[@]}"; do rm -f "$ROOT/nuget/$p.$version.nupkg" "$ROOT/nuget/$p.$version.snupkg"; done

built_outputs() { # where a Release build puts the assemblies of the four projects, the generator and the watchdog
  local p
  for p in "${PACKAGES[@]}" Orchestration.Generators Orchestration.Testing.Watchdog; do
    if [[ -n "$artifacts" ]]; then
      echo "$artifacts/bin/$p/release/$p.dll"
    else
      compgen -G "$ROOT/src/$p/bin/Release/*/$p.dll" || echo "$ROOT/src/$p/bin/Release/$p.dll"
    fi
  done
}
release_build_is_current() { # every assembly is there and no source, project or props file is newer than the oldest
  local outputs f oldest
  mapfile -t outputs < <(built_outputs)
  for f in "${outputs[@]}"; do [[ -f "$f" ]] || return 1; done
  oldest="$(ls -t "${outputs[@]}" | tail -n 1)"
  [[ -z "$(find "$ROOT/src" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" \( -name bin -o -name obj \) -prune \
    -o -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.md' \) -newer "$oldest" -print -quit)" ]]
}
if [[ "$build" == auto ]]; then
  if release_build_is_current; then build=no; else build=yes; fi
fi

# Directory.Build.props sends the packages to nuget/.
pack_args=(-c Release -nologo -v quiet)
if [[ "$build" == no ]]; then
  echo "check-package: packing ${PACKAGES[*]} $version from the Release build into nuget/"
  pack_args+=(--no-build)
  [[ -z "$artifacts" ]] || pack_args+=(--artifacts-path "$artifacts")
else
  echo "check-package: building and packing ${PACKAGES[*]} $version into nuget/"
  pack_args+=(--artifacts-path "${artifacts:-$work/artifacts}")
fi
dotnet pack "$solution" "${pack_args[@]}" >"$work/pack.log" 2>&1 || {
  cat "$work/pack.log" >&2
  fail "dotnet pack failed"
}

entries() { unzip -Z1 "$1"; }
nuspec() { unzip -p "$1" "*.nuspec"; }
expect_entry() { # expect_entry <nupkg> <entry>
  grep -qxF "$2" <<<"$(entries "$1")" || fail "$(basename "$1") has no $2"
}
expect_dependency() { # expect_dependency <nupkg> <id> — on this version; Orchestration.Abstractions with its analyzers
  local line
  line="$(grep -F "<dependency id=\"$2\"" <<<"$(nuspec "$1")" || true)"
  [[ -n "$line" ]] || fail "$(basename "$1") does not depend on $2"
  [[ "$line" == *"version=\"$version\""* ]] || fail "$(basename "$1") depends on another version of $2: $line"
  [[ "$2" != Orchestration.Abstractions || "$line" != *Analyzers* ]] \
    || fail "$(basename "$1") keeps the generator of $2 from its users: $line"
}

in_git=false
git -C "$ROOT" rev-parse --verify -q HEAD >/dev/null 2>&1 && in_git=true
$in_git || echo "check-package: not a git checkout: the source link and repository commit are not checked"
for p in "${PACKAGES[@]}"; do
  nupkg="$ROOT/nuget/$p.$version.nupkg" snupkg="$ROOT/nuget/$p.$version.snupkg"
  [[ -f "$nupkg" ]] || fail "no $nupkg"
  [[ -f "$snupkg" ]] || fail "no symbol package $snupkg"
  for entry in "lib/net10.0/$p.dll" "lib/net10.0/$p.xml" README.md; do expect_entry "$nupkg" "$entry"; done
  spec="$(nuspec "$nupkg")"
  grep -q '<readme>README.md</readme>' <<<"$spec" || fail "$p.$version.nupkg names no readme"
  expect_entry "$snupkg" "lib/net10.0/$p.pdb"
  if $in_git; then # SourceLink needs the commit being built
    grep -q '<repository type="git" url="[^"]\+" .*commit="[0-9a-f]\{40\}"' <<<"$spec" || fail "$p.$version.nupkg names no repository commit"
    unzip -p "$snupkg" "lib/net10.0/$p.pdb" >"$work/$p.pdb"
    grep -aq '{"documents":{' "$work/$p.pdb" || fail "the symbols of $p have no source link"
  fi
done
pkg() { echo "$ROOT/nuget/$1.$version.nupkg"; }
expect_entry "$(pkg Orchestration.Abstractions)" analyzers/dotnet/cs/Orchestration.Generators.dll
expect_dependency "$(pkg Orchestration.Core)" Orchestration.Abstractions
for d in Orchestration.Abstractions Orchestration.Core; do expect_dependency "$(pkg Orchestration.Runtime.Docker)" "$d"; done
for d in Orchestration.Abstractions Orchestration.Core Orchestration.Runtime.Docker; do expect_dependency "$(pkg Orchestration.Testing)" "$d"; done
for entry in build/Orchestration.Testing.targets buildTransitive/Orchestration.Testing.targets \
  tools/net10.0/orchestration-watchdog/Orchestration.Testing.Watchdog.dll \
  tools/net10.0/orchestration-watchdog/Orchestration.Testing.Watchdog.runtimeconfig.json \
  tools/net10.0/orchestration-watchdog/Orchestration.Testing.Watchdog.deps.json; do
  expect_entry "$(pkg Orchestration.Testing)" "$entry"
done
echo "check-package: the packages carry assemblies, XML docs, README, symbols with source link, the generator and the watchdog"

# --- 2. a project outside the solution -------------------------------------------------------------------------------
consumer="$work/consumer"
mkdir -p "$consumer"
# Nothing above the temporary directory shapes the build.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do echo '<Project />' >"$consumer/$f"; done
# The repository's NuGet.config names its local source "nuget" relative to itself; the copy points at the same folder.
sed "s|value=\"nuget\"|value=\"$ROOT/nuget\"|" "$ROOT/NuGet.config" >"$consumer/NuGet.config"
cat >"$consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Orchestration.Core" Version="$version" />
    <PackageReference Include="Orchestration.Runtime.Docker" Version="$version" />
    <PackageReference Include="Orchestration.Testing" Version="$version" />
  </ItemGroup>
</Project>
XML
cat >"$consumer/Program.cs" <<'CS'
using Docker.DotNet;
using Docker.DotNet.Models;
using Orchestration;
using Orchestration.Runtime;
using Orchestration.Testing;

// What only the generator writes: the package's analyzer ran.
var shop = new FleetBuilder("shop").AddWorkload<Db>().AddWorkload<Api>().Build();
if (shop.Workloads.Length != 2 || Api.Spec.Environment[Db.EndpointVariables.Host] != Db.WorkloadName || Db.Ports.Pg != "pg")
{
    throw new InvalidOperationException("The generated specs are not what the attributes declare.");
}

Console.WriteLine($"typed workloads: {string.Join(", ", shop.Workloads.Select(w => w.Name))}");

// A fleet on the engine through the harness package: ready, answering, and gone after dispose.
string name;
await using (var fleet = await TestFleet.StartAsync(b => b.AddWorkload<Web>(), new TestFleetOptions { FleetNamePrefix = "pkgcheck" }))
{
    name = fleet.Name;
    var endpoint = fleet.Endpoint<Web>(Web.Ports.Http);
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    var body = (await http.GetStringAsync(endpoint)).Trim();
    if (body != "ok")
    {
        throw new InvalidOperationException($"{endpoint} answered '{body}', not 'ok'.");
    }

    Console.WriteLine($"fleet {name}: {Web.WorkloadName} ready, {endpoint} answered '{body}'");
}

var engine = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";
using var docker = new DockerClientBuilder().WithEndpoint(new Uri(engine)).WithApiVersion(new System.Version(1, 41)).Build();
var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{OrchestrationLabels.Fleet}={name}"] = true } };
// Dispose hands the removal to the harness's watchdog and returns: the fleet is gone within seconds.
IList<ContainerListResponse> containers;
IList<NetworkResponse> networks;
var gone = DateTime.UtcNow.AddSeconds(60);
do
{
    await Task.Delay(250);
    containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter });
    networks = await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter });
}
while ((containers.Count > 0 || networks.Count > 0) && DateTime.UtcNow < gone);

if (containers.Count > 0 || networks.Count > 0)
{
    throw new InvalidOperationException($"60 s after dispose, fleet {name} still has {containers.Count} container(s) and {networks.Count} network(s).");
}

Console.WriteLine($"fleet {name}: disposed, nothing left");

[Workload("db", Image = "postgres:17")]
[Port("pg", 5432)]
[TcpProbe(ProbeTarget.Readiness, Ports.Pg)]
public partial class Db;

[Workload("api", Image = "shop/api:1", Replicas = 2)]
[Port("http", 8080)]
[HttpProbe(ProbeTarget.Readiness, "/health")]
[DependsOn<Db>]
public partial class Api;

[Workload("web", Image = "orchestration/busybox:1")]
[Port("http", 8080)]
[HttpProbe(ProbeTarget.Readiness, "/")]
public partial class Web;
CS

build_consumer() { (cd "$consumer" && dotnet build -nologo -v quiet -o "$work/out" --artifacts-path "$work/consumer-artifacts" >"$work/build.log" 2>&1); }
echo "check-package: building a project outside the solution that references Orchestration.Core, .Runtime.Docker and .Testing $version"
build_consumer || { cat "$work/build.log" >&2; fail "the consumer project did not build"; }
[[ -f "$work/out/orchestration-watchdog/Orchestration.Testing.Watchdog.dll" ]] \
  || fail "the package's build targets did not copy the watchdog to the output"

echo "check-package: running a fleet from the packages on the engine"
timeout 120 dotnet "$work/out/Consumer.dll" | tee "$work/run.log" || fail "the consumer did not run its fleet"
fleet="$(sed -n 's/^fleet \([a-z0-9-]*\): disposed, nothing left$/\1/p' "$work/run.log")"
[[ -n "$fleet" ]] || fail "the consumer did not report its fleet"
if command -v docker >/dev/null; then
  left="$(docker ps -aq --filter "label=$FLEET_LABEL=$fleet")"
  [[ -z "$left" ]] || fail "containers of fleet $fleet remain: $left"
fi

# --- 3. the diagnostics come with the packages too -------------------------------------------------------------------
sed -i 's/Replicas = 2/Replicas = -2/' "$consumer/Program.cs"
if build_consumer; then
  fail "a negative replica count compiled"
fi
grep -q "error ORCH0003" "$work/build.log" || { cat "$work/build.log" >&2; fail "the build failed without ORCH0003"; }

echo "check-package: OK: four packages; a project outside the solution ran a typed fleet from them; ORCH0003 fires ($((SECONDS - started)) s)"
