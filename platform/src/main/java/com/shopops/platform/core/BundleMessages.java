package com.shopops.platform.core;

import com.shopops.api.Messages;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Messages from {@code i18n/<owner>/messages*.properties} (UTF-8) in the owner's class loader. */
public final class BundleMessages implements Messages {

    private final String baseName;
    private final ClassLoader loader;

    public BundleMessages(String owner, ClassLoader loader) {
        this.baseName = "i18n/" + owner + "/messages";
        this.loader = loader;
    }

    /** Every message of the bundle in {@code locale} (English where the locale has none), for the browser. */
    public java.util.Map<String, String> all(Locale locale) {
        java.util.Map<String, String> all = new java.util.TreeMap<>();
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : java.util.Collections.list(bundle.getKeys())) {
                all.put(key, bundle.getString(key));
            }
        } catch (MissingResourceException e) {
            // no bundle: the page shows its keys, which the tests of each bundle catch
        }
        return all;
    }

    @Override
    public String text(Locale locale, String key, Object... args) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale, loader,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
