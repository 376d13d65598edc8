package dev.commentmoderation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * (A copy of examples/demo-site's, which is its own Maven project.) Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages. Nothing is downloaded:
 * the driver and the browser are given by path, and Selenium Manager is told to stay offline.
 */
public final class Browser {

	public static final String CHROMEDRIVER = System.getProperty("chromedriver", "/usr/bin/chromedriver");

	public static final String CHROMIUM = System.getProperty("chromium", "/usr/bin/chromium");

	private Browser() {
	}

	public static ChromeDriver start(boolean javaScript) {
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		System.setProperty("SE_OFFLINE", "true");
		Path profile;
		try {
			profile = Files.createTempDirectory("chromium-profile-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--window-size=1280,1000", "--user-data-dir=" + profile);
		if (!javaScript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.manage().window().setSize(new Dimension(1280, 1000));
		return driver;
	}

	/** A screenshot of the whole page (not only the window), as a PNG. */
	public static Path screenshot(ChromeDriver driver, Path dir, String name) {
		try {
			Files.createDirectories(dir);
			Path file = dir.resolve(name + ".png");
			Object metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
			Map<?, ?> content = (Map<?, ?>) ((Map<?, ?>) metrics).get("cssContentSize");
			int height = (int) Math.ceil(((Number) content.get("height")).doubleValue());
			Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", 1280, "height", Math.min(height, 6000), "scale", 1);
			Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
			Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (RuntimeException ex) {
			// fall back to the window only
			try {
				Path file = dir.resolve(name + ".png");
				Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
				return file;
			}
			catch (IOException io) {
				throw new UncheckedIOException(io);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
