# Suite of core/io/atomic_file (owner: messages/io engineer).
add_maillage_test(atomic_file io SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_atomic_file.cpp LIBS maillage_io)
