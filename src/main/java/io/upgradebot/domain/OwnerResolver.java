package io.upgradebot.domain;

import java.util.Optional;

/**
 * Finds a repository's owning team in this order: Backstage {@code catalog-info.yaml} ({@code spec.owner}),
 * then CODEOWNERS (the root rule, see {@link CodeOwners}), then the bot's {@link OwnerMapping}; otherwise unknown.
 * The caller fetches the two files (empty when absent or unreadable).
 */
public final class OwnerResolver {

    private OwnerResolver() {
    }

    public static OwnerResolution resolve(Optional<String> catalogInfo, Optional<String> codeowners,
            OwnerMapping mapping,
            RepoRef repo) {
        Optional<String> fromCatalog = catalogInfo.flatMap(CatalogInfo::owner);
        if (fromCatalog.isPresent()) {
            return new OwnerResolution(fromCatalog, OwnerResolution.CATALOG_INFO);
        }
        Optional<String> fromCodeowners = codeowners.flatMap(CodeOwners::ownerOfRoot);
        if (fromCodeowners.isPresent()) {
            return new OwnerResolution(fromCodeowners, OwnerResolution.CODEOWNERS);
        }
        Optional<String> fromMapping = mapping == null ? Optional.empty() : mapping.ownerOf(repo);
        if (fromMapping.isPresent()) {
            return new OwnerResolution(fromMapping, OwnerResolution.MAPPING);
        }
        return OwnerResolution.unknown();
    }
}
