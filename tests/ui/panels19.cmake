# The Densités, profile and Évolution panels as a user sees them (session 19, issues 11 and 12): labels
# rather than codes, legends naming what is drawn, the dataset shared with the views' tasks, --panel.
add_maillage_test(panels19 ui SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_panels19.cpp LIBS maillage_ui maillage_demo GUI)
