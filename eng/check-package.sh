#!/usr/bin/env bash
# eng/check-package.sh — prove that the packed packages work for a project outside the solution, on the real engine.
#
#   bash eng/check-package.sh                 pack the Release build when it is newer than every source (as after
#                                             eng/test.sh's build), else build and pack in a temporary directory (the
#                                             repository's own outputs are left alone); then check
#   ... --no-build | --build                  always pack the Release build as it is | always build
#   ... --artifacts-path <dir>                the build lives (or is made) under <dir> instead
#
# 1. Packs every package under src/ with its symbols into nuget/ and checks what each carries: assembly, XML docs,
#    README, symbols with a source link; the generator inside Orchestration.Abstractions, the watchdog and build
#    targets inside Orchestration.Testing, and dependencies on sibling packages at this version.
# 2. Builds eng/package-check/Consumer — a checked-in project that references exactly the packages the README's Install
#    section names — from nuget/ alone, into an empty package cache. It compiles typed workloads (so the generator came
#    with the packages), a runtime adapter plugin and a scheduler plugin, then runs a TestFleet of one typed workload
#    (orchestration/busybox:1, built by eng/images.sh) through that plugin, and checks that nothing of it remains.
# 3. Builds eng/package-check/Orch0003, which must fail with ORCH0003 from the packed generator.
# Needs a running engine with the test images (eng/engine.sh up; eng/images.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Every project under src/ that is a package (the generator and the watchdog travel inside other packages).
mapfile -t PACKAGES < <(for d in "$ROOT"/src/*/; do p="$(basename "$d")"; grep -q '<IsPackable>false</IsPackable>' "$d/$p.csproj" || echo "$p"; done)
CHECK="$ROOT/eng/package-check"
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
# One solution of the packages, so that each project (and the generator and watchdog they carry) builds once.
dotnet new sln -n packages -o "$work/pack" >/dev/null
solution="$(ls "$work/pack"/packages.sln*)"
dotnet sln "$solution" add $(for p in "${PACKAGES[@]}"; do echo "$ROOT/src/$p/$p.csproj"; done) >/dev/null
for p in "${PACKAGES[@]}"; do rm -f "$ROOT/nuget/$p.$version.nupkg" "$ROOT/nuget/$p.$version.snupkg"; done

built_outputs() { # where a Release build puts the assemblies of the packages, the generator and the watchdog
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
expect_dependency "$(pkg Orchestration.Runtime.Abstractions)" Orchestration.Abstractions
expect_dependency "$(pkg Orchestration.Core)" Orchestration.Runtime.Abstractions
for d in Orchestration.Runtime.Abstractions Orchestration.Core; do expect_dependency "$(pkg Orchestration.Runtime.InMemory)" "$d"; done
for d in Orchestration.Abstractions Orchestration.Core; do expect_dependency "$(pkg Orchestration.Runtime.Docker)" "$d"; done
for d in Orchestration.Abstractions Orchestration.Core Orchestration.Runtime.Docker; do expect_dependency "$(pkg Orchestration.Testing)" "$d"; done
for entry in build/Orchestration.Testing.targets buildTransitive/Orchestration.Testing.targets \
  tools/net10.0/orchestration-watchdog/Orchestration.Testing.Watchdog.dll \
  tools/net10.0/orchestration-watchdog/Orchestration.Testing.Watchdog.runtimeconfig.json \
  tools/net10.0/orchestration-watchdog/Orchestration.Testing.Watchdog.deps.json; do
  expect_entry "$(pkg Orchestration.Testing)" "$entry"
done
echo "check-package: the packages carry assemblies, XML docs, README, symbols with source link, the generator and the watchdog"

# --- 2. the consumer: the README's packages, from nuget/ only -----------------------------------------------------------
readme_packages="$(sed -n 's/^dotnet add package \([A-Za-z.]*\).*/\1/p' "$ROOT/README.md" | sort)"
consumer_packages="$(sed -n 's/.*<PackageReference Include="\([A-Za-z.]*\)".*/\1/p' "$CHECK/Consumer/Consumer.csproj" | sort)"
[[ -n "$readme_packages" && "$readme_packages" == "$consumer_packages" ]] \
  || fail "the README's Install section names [$(echo $readme_packages)], the consumer references [$(echo $consumer_packages)]"

build_check() { # build_check <project dir> <log> [output dir]
  dotnet build "$1" -nologo -v quiet -p:OrchestrationVersion="$version" -p:RestorePackagesPath="$work/packages" \
    --artifacts-path "$work/artifacts-$(basename "$1")" ${3:+-o "$3"} >"$2" 2>&1
}
echo "check-package: building eng/package-check/Consumer from the packages the README names: $(echo $readme_packages) $version"
build_check "$CHECK/Consumer" "$work/build.log" "$work/out" || { cat "$work/build.log" >&2; fail "the consumer project did not build"; }
[[ -f "$work/out/orchestration-watchdog/Orchestration.Testing.Watchdog.dll" ]] \
  || fail "the package's build targets did not copy the watchdog to the output"

echo "check-package: running a fleet from the packages on the engine"
timeout 180 dotnet "$work/out/Consumer.dll" | tee "$work/run.log" || fail "the consumer did not run its fleet"
fleet="$(sed -n 's/^fleet \([a-z0-9-]*\): disposed, nothing left$/\1/p' "$work/run.log")"
[[ -n "$fleet" ]] || fail "the consumer did not report its fleet"
if command -v docker >/dev/null; then
  left="$(docker ps -aq --filter "label=$FLEET_LABEL=$fleet")"
  [[ -z "$left" ]] || fail "containers of fleet $fleet remain: $left"
fi

# --- 3. the diagnostics come with the packages too -------------------------------------------------------------------
if build_check "$CHECK/Orch0003" "$work/orch0003.log"; then
  fail "eng/package-check/Orch0003 (a negative replica count) compiled"
fi
grep -q "error ORCH0003" "$work/orch0003.log" || { cat "$work/orch0003.log" >&2; fail "eng/package-check/Orch0003 failed without ORCH0003"; }

echo "check-package: OK: ${#PACKAGES[@]} packages; the README's packages built a consumer with plugins and ran a typed fleet; ORCH0003 fires ($((SECONDS - started)) s)"
