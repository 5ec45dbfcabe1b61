package river.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.util.List;

/**
 * The window sizes and colour schemes the app is checked and pictured in: a wide desktop window and
 * a phone, each light and dark (the app follows {@code prefers-color-scheme}).
 */
record Looks(String name, int width, int height, ColorScheme scheme) {
  static final List<Looks> ALL =
      List.of(
          new Looks("1440-light", 1440, 900, ColorScheme.LIGHT),
          new Looks("1440-dark", 1440, 900, ColorScheme.DARK),
          new Looks("360-light", 360, 740, ColorScheme.LIGHT),
          new Looks("360-dark", 360, 740, ColorScheme.DARK));

  boolean narrow() {
    return width <= 600;
  }

  void apply(Tab t) {
    t.page.setViewportSize(width, height);
    t.page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
  }
}
