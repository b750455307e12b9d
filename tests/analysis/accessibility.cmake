# Accessibility (APL and variants), zonage, margins and sensitivity of the typology (core/analysis/accessibility.*,
# margins.*); the Isère part reads ../shared/data through maillage_io and skips when it is absent.
add_maillage_test(accessibility analysis SOURCES test_accessibility.cpp LIBS maillage_analysis maillage_io)
